namespace CdsLmn.Service.Onboarding;

/// <summary>One FHIR query: <see cref="Status"/> is <c>ok</c> or why it failed (e.g. <c>the FHIR server answered 500</c>).</summary>
internal sealed record QueryCheck(string Key, string Query, string Status, int Count, long ElapsedMs, bool Prefetch)
{
    public string? Error => Status == Ok ? null : Status;

    public const string Ok = "ok";
}
