using System.Text.Json;

// The physical limit of this platform for a hook call: read the body, parse it into a JsonDocument, answer
// {"cards":[]}. Same Kestrel, same runtime, no clinical work. bench/load.sh compares the service against it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var silence = """{"cards":[]}"""u8.ToArray();
app.MapPost("/cds-services/{id}", async (HttpRequest request, HttpResponse response) =>
{
    using var document = await JsonDocument.ParseAsync(request.Body);
    response.ContentType = "application/json";
    await response.Body.WriteAsync(silence);
});
app.MapGet("/health/ready", () => "Healthy");

app.Run();
