using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Commands;

/// <summary>The one line printed when the service refuses to start: what is wrong, which key, how to fix it.</summary>
internal static class StartupRefusal
{
    /// <summary>The category under which the generic host logs a failed start (with the exception).</summary>
    public const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static string ForInvalidSettings(OptionsValidationException e)
    {
        var failures = string.Join(" ", e.Failures.Select(f => f.Trim()).Select(f => f.EndsWith('.') ? f : f + "."));
        return $"CdsLmn cannot start: {OneLine(failures)} Fix it in appsettings.json or the environment (':' becomes '__', e.g. CdsLmn__Auth__Mode) and start again.";
    }

    public static bool IsAddressProblem(IOException e) =>
        e.InnerException is AddressInUseException or SocketException || e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase);

    public static string ForAddress(IOException e) =>
        $"CdsLmn cannot start: {OneLine(e.Message)} Stop the other process or choose another address with --urls (or ASPNETCORE_URLS).";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
