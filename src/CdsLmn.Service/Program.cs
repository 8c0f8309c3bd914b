using CdsLmn.Service;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.CdsHooks.RateLimiting;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Health;
using CdsLmn.Service.OpenApi;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;

if (StewardshipReport.IsRequested(args))
{
    return await StewardshipReport.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddCdsHooks();
builder.AddCdsClientAuthentication();
builder.AddClientRateLimiting();
builder.AddEvidence();
builder.AddClinicalRules();
builder.AddStewardship();
builder.AddTelemetry();
builder.AddHealth();
builder.AddApiDescription();

var app = builder.Build();

app.UseCdsHooksPipeline();
app.UseStoreOutageGate(); // before authentication: the jti record needs the database
app.UseCdsClientAuthentication(); // after UseCors (in UseCdsHooksPipeline): 401s carry CORS headers
app.UseClientRateLimiting(); // after authorization: the partition is the verified client
app.MapCdsHooks();
app.MapHealth();
app.MapApiDescription(); // Development only

app.Run();
return 0;
