using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.CdsHooks.RateLimiting;

/// <summary>The per-client limit on <c>/cds-services</c> calls, bound from <c>CdsLmn:RateLimit</c>.</summary>
internal sealed class ClientRateLimitOptions
{
    public const string Section = "CdsLmn:RateLimit";

    /// <summary>
    /// <c>CdsLmn:RateLimit:PermitLimit</c>: calls one client may make per window. Generous: an EHR re-fires order-select
    /// on every edit, so a busy site sends bursts; the limit is there to stop a runaway client, not to shape traffic.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "CdsLmn:RateLimit:PermitLimit must be between 1 and 1000000.")]
    public int PermitLimit { get; set; } = 6000;

    /// <summary><c>CdsLmn:RateLimit:Window</c>: the fixed window the permits are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "CdsLmn:RateLimit:Window must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
