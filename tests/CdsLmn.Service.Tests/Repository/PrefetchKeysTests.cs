using System.Text.Json.Nodes;
using CdsLmn.Service.Evidence;

namespace CdsLmn.Service.Tests.Repository;

/// <summary>The prefetch keys the evidence layer knows are exactly those each service declares in cds-services.json.</summary>
public class PrefetchKeysTests
{
    public static TheoryData<string> Services()
    {
        var data = new TheoryData<string>();
        foreach (var service in Discovery()["services"]!.AsArray())
        {
            data.Add(service!["id"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void CodeAndDiscoveryNameTheSamePrefetchKeys(string serviceId)
    {
        var service = Discovery()["services"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == serviceId)!;
        var declared = service["prefetch"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(PrefetchKeys.Kinds.Keys.Order(StringComparer.Ordinal), declared);
    }

    private static JsonObject Discovery() => JsonNode.Parse(TestData.Read("cds-services.json"))!.AsObject();
}
