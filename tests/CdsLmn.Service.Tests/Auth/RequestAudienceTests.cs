using Microsoft.AspNetCore.Hosting;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>Required mode without <c>CdsLmn:PublicBaseUrl</c> and with an inline JWK Set only.</summary>
public sealed class InlineOnlyAppFactory : CdsLmnAppFactory
{
    public const string Issuer = "https://inline-ehr.example.org";

    internal TestSigningKey Key { get; } = TestSigningKey.Rs384("inline-rs384");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CdsLmn:Auth:Mode", "Required");
        builder.UseSetting("CdsLmn:Auth:Clients:0:Issuer", Issuer);
        builder.UseSetting("CdsLmn:Auth:Clients:0:Jwks", TestSigningKey.JwkSet(Key));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Key.Dispose();
        }
    }
}

/// <summary>Without a configured public base URL the expected <c>aud</c> is the URL the request was made to.</summary>
public sealed class RequestAudienceTests(InlineOnlyAppFactory app) : IClassFixture<InlineOnlyAppFactory>
{
    private const string Hook = TestData.OrderSelectUrl;

    [Theory]
    [InlineData("http://localhost" + Hook, true)]
    [InlineData("http://LOCALHOST" + Hook, false)]
    [InlineData("https://localhost" + Hook, false)]
    [InlineData("https://cds.example.org" + Hook, false)]
    public async Task ExpectsTheRequestUrl(string audience, bool accepted)
    {
        var token = ClientToken.Valid(app.Key, InlineOnlyAppFactory.Issuer, audience, DateTimeOffset.UtcNow).SignedBy(app.Key);
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = TestData.Json(TestData.Read("sandbox/order-select.json")) };
        request.Headers.Authorization = AuthCalls.Bearer(token);

        using var response = await app.CreateClient().SendAsync(request);

        if (accepted)
        {
            await AuthCalls.IsSilentOkAsync(response);
        }
        else
        {
            await AuthCalls.IsUnauthorizedAsync(response);
        }
    }
}
