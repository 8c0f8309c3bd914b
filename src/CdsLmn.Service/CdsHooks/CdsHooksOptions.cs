using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.CdsHooks;

/// <summary>Wire-protocol settings, bound from <c>CdsLmn</c>.</summary>
internal sealed class CdsHooksOptions
{
    public const string Section = "CdsLmn";

    /// <summary><c>CdsLmn:MaxRequestBodyBytes</c>: larger hook requests get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary><c>CdsLmn:Cors:AllowedOrigins</c>: browser origins (e.g. the CDS Hooks sandbox); <c>*</c> allows any.</summary>
    public CorsSettings Cors { get; set; } = new();
}
