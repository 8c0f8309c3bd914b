namespace CdsLmn.Service.CdsHooks;

/// <summary><c>CdsLmn:Cors</c>, part of <see cref="CdsHooksOptions"/>.</summary>
internal sealed class CorsSettings
{
    public string[]? AllowedOrigins { get; set; }
}
