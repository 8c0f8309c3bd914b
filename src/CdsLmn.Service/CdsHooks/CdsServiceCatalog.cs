using System.Text.Json;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The discovery document, embedded from <c>cds-services.json</c> at the repository root: served byte for
/// byte, and read once to know which hook each service id answers.
/// </summary>
internal sealed class CdsServiceCatalog
{
    private const string ResourceName = "cds-services.json";

    private readonly Dictionary<string, CdsService> _byId;

    private CdsServiceCatalog(byte[] discoveryJson)
    {
        DiscoveryJson = discoveryJson;
        using var document = JsonDocument.Parse(discoveryJson);
        _byId = document.RootElement.GetProperty("services").EnumerateArray()
            .Select(s => new CdsService(s.GetProperty("id").GetString()!, s.GetProperty("hook").GetString()!, ReadPrefetch(s)))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public byte[] DiscoveryJson { get; }

    public IReadOnlyCollection<CdsService> Services => _byId.Values;

    public CdsService? Find(string id) => _byId.GetValueOrDefault(id);

    private static Dictionary<string, string> ReadPrefetch(JsonElement service) =>
        service.TryGetProperty("prefetch", out var prefetch)
            ? prefetch.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];

    public static CdsServiceCatalog LoadEmbedded()
    {
        using var stream = typeof(CdsServiceCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The discovery document '{ResourceName}' is not embedded in the service assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new CdsServiceCatalog(buffer.ToArray());
    }
}
