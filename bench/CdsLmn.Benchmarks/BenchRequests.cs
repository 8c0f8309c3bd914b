using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The example order-select request (a PMA patient who gets a warning card) with its prefetch grown to a given
/// number of Observations: older CK and anti-GM1 results and more motor segments, as a long-followed patient has.
/// </summary>
public static class BenchRequests
{
    public static byte[] OrderSelect(int observations)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "order-select-ivig.json")))!.AsObject();
        var today = DateTime.UtcNow;
        var prefetch = body["prefetch"]!.AsObject();
        ShiftTo(prefetch, today);

        var ck = prefetch["creatineKinase"]!["entry"]!.AsArray();
        var gm1 = prefetch["antiGm1IgM"]!["entry"]!.AsArray();
        var ncs = prefetch["ncsObservations"]!["entry"]!.AsArray();
        for (var i = 3; i < observations; i++)
        {
            var date = today.AddDays(-30 - i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (list, template) = (i % 3) switch
            {
                0 => (ck, CkTemplate),
                1 => (gm1, Gm1Template),
                _ => (ncs, SegmentTemplate),
            };
            var json = template.Replace("@ID", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@DATE", date, StringComparison.Ordinal)
                .Replace("@CK", (200 + i % 300).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@GM1", (i % 29).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace('\'', '"');
            list.Add(new JsonObject { ["resource"] = JsonNode.Parse(json) });
        }
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private const string CkTemplate =
        "{'resourceType':'Observation','id':'ck-@ID','status':'final','code':{'coding':[{'system':'http://loinc.org','code':'2157-6'}]}," +
        "'subject':{'reference':'Patient/pma-1'},'effectiveDateTime':'@DATE','valueQuantity':{'value':@CK,'unit':'U/L'}," +
        "'referenceRange':[{'low':{'value':39},'high':{'value':308}}]}";

    private const string Gm1Template =
        "{'resourceType':'Observation','id':'gm1-@ID','status':'final','code':{'coding':[{'system':'http://loinc.org','code':'51703-7'}]}," +
        "'subject':{'reference':'Patient/pma-1'},'effectiveDateTime':'@DATE','valueQuantity':{'value':@GM1,'unit':'IV'},'referenceRange':[{'high':{'value':29}}]}";

    private const string NeuromuscularCode = "{'coding':[{'system':'http://cdslmn.org/fhir/CodeSystem/neuromuscular','code':'@C'}]}";

    private static readonly string SegmentTemplate =
        "{'resourceType':'Observation','id':'seg-@ID','status':'final','code':" + Code("ncs-motor-segment") + "," +
        "'subject':{'reference':'Patient/pma-1'},'effectiveDateTime':'@DATE','component':[" +
        "{'code':" + Code("segment") + ",'valueCodeableConcept':" + Code("ulnar-forearm") + "}," +
        Component("distal-cmap-area", "20", "mV.ms") + "," + Component("proximal-cmap-area", "19", "mV.ms") + "," +
        Component("distal-cmap-amplitude", "8", "mV") + "," + Component("proximal-cmap-amplitude", "7.6", "mV") + "," +
        Component("distal-cmap-duration", "6", "ms") + "," + Component("proximal-cmap-duration", "6.3", "ms") + "," +
        Component("distal-amplitude-lln", "6", "mV") + "]}";

    private static string Code(string code) => NeuromuscularCode.Replace("@C", code, StringComparison.Ordinal);

    private static string Component(string code, string value, string unit) =>
        "{'code':" + Code(code) + ",'valueQuantity':{'value':" + value + ",'unit':'" + unit + "'}}";

    /// <summary>Moves the example's results (autumn 2026) so the newest is a month old: the request stays a warning.</summary>
    private static void ShiftTo(JsonObject prefetch, DateTime today)
    {
        foreach (var key in new[] { "ncsObservations", "antiGm1IgM", "creatineKinase" })
        {
            foreach (var entry in prefetch[key]!["entry"]!.AsArray())
            {
                entry!["resource"]!["effectiveDateTime"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
    }
}
