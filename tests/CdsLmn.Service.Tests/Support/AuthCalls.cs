using System.Net;
using System.Net.Http.Headers;

namespace CdsLmn.Service.Tests.Support;

internal static class AuthCalls
{
    public const string Discovery = "/cds-services";

    /// <summary>GET for discovery, otherwise POST of the sandbox request for that hook (which answers 200 <c>{"cards":[]}</c>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this CdsLmnApp app, string path, string? authorization, string? origin = null)
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

    public static Task<HttpResponseMessage> SendAsync(this CdsLmnApp app, string path, ClientToken token, TestSigningKey key) =>
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

    /// <summary>A valid token of the fake EHR (<see cref="AppAuth.WireMockEhr"/>) for the endpoint at <paramref name="path"/>, at the app's auth time.</summary>
    public static ClientToken Token(this CdsLmnApp app, TestSigningKey key, string path) =>
        ClientToken.Valid(key, FakeEhr.Issuer, CdsLmnApp.PublicBaseUrl + path, app.Now);

    /// <summary>A valid token of the second EHR, naming its allowlisted tenant.</summary>
    public static ClientToken TenantToken(this CdsLmnApp app, string path) =>
        ClientToken.Valid(app.Ehr.TenantKey, FakeEhr.TenantIssuer, CdsLmnApp.PublicBaseUrl + path, app.Now).With(t => t.Payload["tenant"] = FakeEhr.Tenant);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
