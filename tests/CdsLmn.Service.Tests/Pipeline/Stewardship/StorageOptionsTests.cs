using CdsLmn.Service.Hosting;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship;

/// <summary>A bad <c>CdsLmn:Storage</c> setting stops the service at start with a message naming the key.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("CdsLmn:Storage:Provider=Postgres", "ConnectionStrings:CdsLmn")]
    [InlineData("CdsLmn:Storage:RetentionDays=0", "RetentionDays")]
    [InlineData("CdsLmn:Storage:RetentionDays=40000", "RetentionDays")]
    public async Task StopsTheServiceNamingTheKey(string setting, string named)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection([new(setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..])]);
        builder.AddSharedServices();
        builder.AddStewardship();
        await using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionDeletesOnlySqliteRowsOlderThanTheCutoff()
    {
        await using var app = new CdsLmnApp();
        var ledger = (ICardLedger)app.Services.GetService(typeof(ICardLedger))!;
        var now = DateTimeOffset.UtcNow;
        ledger.RecordIssued(IssuedCards.Retention(now.AddDays(-800)));
        ledger.RecordIssued(IssuedCards.Retention(now.AddDays(-10)));
        await ledger.FlushAsync(CancellationToken.None);

        await IssuedCards.Maintenance(app).PurgeOlderThanAsync(now.AddDays(-730), CancellationToken.None);

        Assert.Equal(1, TestStore.Scalar(app.SqlitePath, "SELECT COUNT(*) FROM issued_card"));
        Assert.Equal(1, TestStore.Scalar(app.SqlitePath, "SELECT COUNT(*) FROM issued_suggestion"));
    }
}
