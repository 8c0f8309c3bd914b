
namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>Without a configured public base URL the expected <c>aud</c> is the URL the request was made to.</summary>
public sealed class RequestAudienceTests(AppFixture<RequestAudienceTests.InlineKeyOnly> appFixture) : IClassFixture<AppFixture<RequestAudienceTests.InlineKeyOnly>>
{
    private const string Hook = TestData.OrderSelectUrl;
    private readonly CdsLmnApp _app = appFixture.App;

    /// <summary>Required mode without <c>CdsLmn:PublicBaseUrl</c> and with an inline JWK Set only.</summary>
    public sealed class InlineKeyOnly : IAppProfile
    {
        public static AppSettings Settings { get; } = new() { Auth = AppAuth.InlineKeyOnly };
    }

    [Theory]
    [InlineData("http://localhost" + Hook, true)]
    [InlineData("http://LOCALHOST" + Hook, false)]
    [InlineData("https://localhost" + Hook, false)]
    [InlineData("https://cds.example.org" + Hook, false)]
    public async Task ExpectsTheRequestUrl(string audience, bool accepted)
    {
        var token = ClientToken.Valid(_app.Ehr.Rs384, FakeEhr.InlineIssuer, audience, DateTimeOffset.UtcNow).SignedBy(_app.Ehr.Rs384);
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = TestData.Json(TestData.Read("sandbox/order-select.json")) };
        request.Headers.Authorization = AuthCalls.Bearer(token);

        using var response = await _app.CreateClient().SendAsync(request);

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
