using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Health;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;

if (StewardshipReport.IsRequested(args))
{
    return await StewardshipReport.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddCdsHooks();
builder.AddStewardship();
builder.AddTelemetry();
builder.AddHealth();

var app = builder.Build();

app.UseCdsHooksPipeline();
app.MapCdsHooks();
app.MapHealth();

app.Run();
return 0;
