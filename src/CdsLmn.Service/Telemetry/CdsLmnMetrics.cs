using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CdsLmn.Service.Telemetry;

/// <summary>
/// The service's own instruments, on the <c>CdsLmn</c> meter. Tags are low-cardinality by construction:
/// never a patient id, a token, a query string or a full URL.
/// </summary>
internal sealed class CdsLmnMetrics
{
    public const string MeterName = "CdsLmn";

    private readonly Histogram<double> _hookDuration;
    private readonly Counter<long> _cards;
    private readonly Counter<long> _fhirCalls;
    private readonly Histogram<double> _fhirDuration;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _ledgerDropped;
    private readonly ConcurrentDictionary<string, BreakerState> _breakers = new(StringComparer.Ordinal);

    public CdsLmnMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _hookDuration = meter.CreateHistogram<double>("cdslmn.hook.duration", "ms", "Time to answer a hook call.");
        _cards = meter.CreateCounter<long>("cdslmn.cards", "{card}", "Cards issued (shadow cards included, tagged mode=shadow).");
        _fhirCalls = meter.CreateCounter<long>("cdslmn.fhir.calls", "{call}", "Calls to EHR FHIR servers.");
        _fhirDuration = meter.CreateHistogram<double>("cdslmn.fhir.duration", "ms", "Duration of calls to EHR FHIR servers.");
        _authFailures = meter.CreateCounter<long>("cdslmn.auth.failures", "{request}", "Requests refused for authentication.");
        _ledgerDropped = meter.CreateCounter<long>("cdslmn.ledger.dropped", "{card}", "Issued cards not recorded (queue full or write failure).");
        meter.CreateObservableGauge("cdslmn.fhir.circuit_state", ObserveBreakers, "{state}", "Circuit breaker per FHIR server: 0 closed, 1 half-open, 2 open.");
    }

    /// <summary>A hook call answered, whatever the status. <paramref name="service"/> must be a known service id.</summary>
    public void RecordHook(string service, TimeSpan elapsed) =>
        _hookDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("service", service));

    /// <summary>A card issued (called by <c>ICardLedger.RecordIssued</c>).</summary>
    public void RecordCard(int row, string indicator, bool shadow) =>
        _cards.Add(1, new TagList { { "row", row }, { "indicator", indicator }, { "mode", shadow ? "shadow" : "active" } });

    /// <summary>A FHIR call: <paramref name="status"/> is the HTTP status code or a fixed word (<c>timeout</c>, <c>circuit-open</c>, <c>error</c>).</summary>
    public void RecordFhirCall(string resourceType, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "resource_type", resourceType }, { "status", status } };
        _fhirCalls.Add(1, tags);
        _fhirDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    /// <summary>
    /// A breaker changed state. <paramref name="server"/> is reduced to scheme, host and port (user info, path and
    /// query are dropped), so a URL carrying a token never becomes a tag.
    /// </summary>
    public void RecordCircuitState(string server, BreakerState state) => _breakers[ServerTag(server)] = state;

    /// <summary>A request refused for authentication; <paramref name="reason"/> is a fixed word such as <c>missing</c>, <c>signature</c>, <c>expired</c>.</summary>
    public void RecordAuthFailure(string reason) =>
        _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Issued cards the ledger could not record.</summary>
    public void RecordLedgerDropped(int count, string reason) =>
        _ledgerDropped.Add(count, new KeyValuePair<string, object?>("reason", reason));

    private static string ServerTag(string server) => server switch
    {
        _ when Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Host.Length > 0 => $"{uri.Scheme}://{uri.Authority}",
        _ when server.Length <= 64 && server.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') => server,
        _ => "other",
    };

    private IEnumerable<Measurement<int>> ObserveBreakers() =>
        _breakers.Select(b => new Measurement<int>((int)b.Value, new KeyValuePair<string, object?>("server", b.Key)));
}
