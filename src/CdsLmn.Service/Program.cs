using CdsLmn.Service;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddCdsHooks();
builder.AddEvidence();
builder.AddClinicalRules();
builder.AddHealth();

var app = builder.Build();

app.UseCdsHooksPipeline();
app.MapCdsHooks();
app.MapHealth();

app.Run();
