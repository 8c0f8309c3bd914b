using CdsLmn.Service.Stewardship;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// One structured audit event per hook call, under the log category <c>CdsLmn.Audit</c> so a site can route it
/// to its SIEM: who called (client iss, tenant), about whom (the store's patient-id hash, never the raw id), which
/// FHIR resources were read, what was decided and which cards went out. Ids only: no token, no clinical value.
/// </summary>
internal sealed partial class HookAudit(ILoggerFactory loggerFactory, IPatientIdHasher patientIds)
{
    // Logged instead of a hash while a shared database has not been reached since start (it holds the salt).
    private const string HashUnavailable = "(hash unavailable: store not reached yet)";

    public const string Category = "CdsLmn.Audit";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public void Record(HookAuditEvent e)
    {
        var patient = patientIds.TryHash(e.PatientId) ?? HashUnavailable;
        // The Patient resource's id is the patient id: it is listed under the hash too.
        var resourcesRead = e.ResourcesRead.Select(r => r == $"Patient/{e.PatientId}" ? $"Patient/{patient}" : r).ToList();
        LogHookCall(e.Time, e.ClientIssuer ?? "-", e.Tenant ?? "-", e.HookInstance, e.ServiceId, patient,
            resourcesRead, e.Decision, e.CardUuids, e.Shadow);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "CDS hook call at {Time:o}: client {ClientIssuer}, tenant {Tenant}, hookInstance {HookInstance}, service {ServiceId}, " +
                  "patient {PatientHash}, read {ResourcesRead}, decision {Decision}, cards {CardUuids}, shadow {Shadow}")]
    private partial void LogHookCall(DateTimeOffset time, string clientIssuer, string tenant, string hookInstance, string serviceId,
        string patientHash, IReadOnlyList<string> resourcesRead, string decision, IReadOnlyList<string> cardUuids, bool shadow);
}
