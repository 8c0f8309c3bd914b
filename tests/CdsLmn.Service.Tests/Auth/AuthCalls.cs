using System.Net;
using System.Net.Http.Headers;

namespace CdsLmn.Service.Tests.Auth;

internal static class AuthCalls
{
    public const string Discovery = "/cds-services";

    /// <summary>GET for discovery, otherwise POST of the sandbox request for that hook (which answers 200 <c>{"cards":[]}</c>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this AuthAppFactory app, string path, string? authorization, string? origin = null)
    {
        using var request = path == Discovery
            ? new HttpRequestMessage(HttpMethod.Get, path)
            : new HttpRequestMessage(HttpMethod.Post, path) { Content = TestData.Json(TestData.Read(path == TestData.OrderSignUrl ? "sandbox/order-sign.json" : "sandbox/order-select.json")) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await app.CreateClient().SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendAsync(this AuthAppFactory app, string path, ClientToken token, TestSigningKey key) =>
        app.SendAsync(path, "Bearer " + token.SignedBy(key));

    /// <summary>401, the empty-detail OperationOutcome, and a bare <c>WWW-Authenticate: Bearer</c>.</summary>
    public static async Task IsUnauthorizedAsync(HttpResponseMessage response)
    {
        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("", diagnostics);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    public static async Task IsSilentOkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
