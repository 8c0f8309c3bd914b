namespace CdsLmn.Service.CdsHooks;

/// <summary>What the audit trail keeps of one hook call.</summary>
internal sealed record HookAuditEvent(
    DateTimeOffset Time,
    string? ClientIssuer,
    string? Tenant,
    string HookInstance,
    string ServiceId,
    string PatientId, // the raw id: hashed before it is logged
    IReadOnlyList<string> ResourcesRead,
    string Decision,
    IReadOnlyList<string> CardUuids,
    bool Shadow);
