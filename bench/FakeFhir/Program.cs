// A FHIR server whose every answer takes the same time (FAKE_FHIR_DELAY_MS, default 100 ms): the yardstick for the
// service's FHIR fallback, which should take about one call's time, not the sum of its calls. Answers every search
// with the bench patient's evidence (no conduction block, negative anti-GM1, high CK) and Patient/{id} with a patient.
// FAKE_FHIR_FAULT_PERCENT (default 0) turns that share of answers into 503s, for the soak test.
using System.Globalization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var delay = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("FAKE_FHIR_DELAY_MS") ?? "100", CultureInfo.InvariantCulture));
var faultPercent = int.Parse(Environment.GetEnvironmentVariable("FAKE_FHIR_FAULT_PERCENT") ?? "0", CultureInfo.InvariantCulture);
var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
string Searchset(string resources) => $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{resources}}]}""";
string Entry(string resource) => $$"""{"resource":{{resource}}}""";
string Observation(string id, string system, string code, string value) =>
    $"{{'resourceType':'Observation','id':'{id}','status':'final','code':{{'coding':[{{'system':'{system}','code':'{code}'}}]}},'subject':{{'reference':'Patient/pma-1'}},'effectiveDateTime':'{today}',{value}}}";

// Written with ' for readability; turned into JSON quotes below.
var observations = Searchset(string.Join(",",
    Entry(Observation("ncs-1", "http://cdslmn.org/fhir/CodeSystem/neuromuscular", "motor-conduction-block",
        "'valueCodeableConcept':{'coding':[{'system':'http://snomed.info/sct','code':'260385009'}]},'component':[{'code':{'coding':[{'system':'http://cdslmn.org/fhir/CodeSystem/neuromuscular','code':'cb-protocol'}]},'valueCodeableConcept':{'coding':[{'system':'http://cdslmn.org/fhir/CodeSystem/neuromuscular','code':'extended'}]}}]")),
    Entry(Observation("gm1-1", "http://loinc.org", "51703-7", "'valueQuantity':{'value':12,'unit':'IV'},'referenceRange':[{'high':{'value':29}}]")),
    Entry(Observation("ck-1", "http://loinc.org", "2157-6", "'valueQuantity':{'value':450,'unit':'U/L'},'referenceRange':[{'high':{'value':308}}]")))).Replace('\'', '"');
var conditions = Searchset(Entry("{'resourceType':'Condition','id':'pma-dx','clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'active'}]},'code':{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'G12.25'}]},'subject':{'reference':'Patient/pma-1'}}".Replace('\'', '"')));
var empty = Searchset("");

app.MapGet("/fhir/{type}", async (string type, HttpResponse response) =>
{
    await Task.Delay(delay);
    if (faultPercent > 0 && Random.Shared.Next(100) < faultPercent)
    {
        return Results.StatusCode(503);
    }
    return Results.Text(type switch { "Observation" => observations, "Condition" => conditions, _ => empty }, "application/fhir+json");
});
app.MapGet("/fhir/Patient/{id}", async (string id) =>
{
    await Task.Delay(delay);
    return Results.Text($$"""{"resourceType":"Patient","id":"{{id}}","gender":"male","birthDate":"1961-03-14"}""", "application/fhir+json");
});
app.MapGet("/health/ready", () => "Healthy");

app.Run();
