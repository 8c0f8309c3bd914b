namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// One structured audit event per hook call, under the log category <c>CdsLmn.Audit</c> so a site can route it
/// to its SIEM: who called (client iss, tenant), about whom (patient id), which FHIR resources were read, what
/// was decided and which cards went out. Ids only: no token, no clinical value.
/// </summary>
public sealed partial class HookAudit(ILoggerFactory loggerFactory)
{
    public const string Category = "CdsLmn.Audit";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public void Record(HookAuditEvent e) =>
        LogHookCall(e.Time, e.ClientIssuer ?? "-", e.Tenant ?? "-", e.HookInstance, e.ServiceId, e.PatientId,
            e.ResourcesRead, e.Decision, e.CardUuids, e.Shadow);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "CDS hook call at {Time:o}: client {ClientIssuer}, tenant {Tenant}, hookInstance {HookInstance}, service {ServiceId}, " +
                  "patient {PatientId}, read {ResourcesRead}, decision {Decision}, cards {CardUuids}, shadow {Shadow}")]
    private partial void LogHookCall(DateTimeOffset time, string clientIssuer, string tenant, string hookInstance, string serviceId,
        string patientId, IReadOnlyList<string> resourcesRead, string decision, IReadOnlyList<string> cardUuids, bool shadow);
}

/// <summary>What the audit trail keeps of one hook call.</summary>
public sealed record HookAuditEvent(
    DateTimeOffset Time,
    string? ClientIssuer,
    string? Tenant,
    string HookInstance,
    string ServiceId,
    string PatientId,
    IReadOnlyList<string> ResourcesRead,
    string Decision,
    IReadOnlyList<string> CardUuids,
    bool Shadow);
