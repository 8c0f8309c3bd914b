using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Start-up check of <c>CdsLmn:Cors:AllowedOrigins</c>: each entry is <c>*</c> or a browser origin (scheme, host and an
/// optional port; no path, query or trailing slash), since an origin written any other way never matches and the
/// browser client silently fails.
/// </summary>
internal sealed class CdsHooksOptionsValidator : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var origins = options.Cors.AllowedOrigins ?? [];
        var errors = new List<string>();
        for (var i = 0; i < origins.Length; i++)
        {
            if (!IsOrigin(origins[i]))
            {
                errors.Add($"CdsLmn:Cors:AllowedOrigins:{i} must be * or an origin such as https://sandbox.cds-hooks.org (scheme and host, no path).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsOrigin(string? value) =>
        value == "*"
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && value.TrimEnd('/').Length == value.Length && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && uri.UserInfo.Length == 0);
}
