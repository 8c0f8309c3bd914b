using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Cards as the ledger records them, and the store's maintenance, for the store tests on SQLite and PostgreSQL.</summary>
internal static class IssuedCards
{
    /// <summary>An issued card with two suggestions, by default row 3, a warning, of the order-select service.</summary>
    public static IssuedCard Card(bool shadow, string patientId = "patient-1", int row = 3, string indicator = "warning", string service = "ivig-lmn-order-select", DateTimeOffset? issuedAt = null) => new()
    {
        CardUuid = Guid.NewGuid().ToString(),
        ServiceId = service,
        HookInstance = "hi-1",
        PatientId = patientId,
        DecisionRow = row,
        Indicator = indicator,
        IssuedAt = issuedAt ?? new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Shadow = shadow,
        Suggestions = [new(Guid.NewGuid().ToString(), "Cancel the IVIg order"), new(Guid.NewGuid().ToString(), "Order anti-GM1 IgM")],
    };

    /// <summary>The app's store maintenance (retention purge), a hosted service.</summary>
    public static StoreMaintenance Maintenance(CdsLmnApp app) =>
        app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StoreMaintenance>().Single();

    /// <summary>A card of the service "retention", for purge tests: one suggestion.</summary>
    public static IssuedCard Retention(DateTimeOffset issuedAt) => new()
    {
        CardUuid = Guid.NewGuid().ToString(),
        ServiceId = "retention",
        HookInstance = Guid.NewGuid().ToString(),
        PatientId = "pma-1",
        DecisionRow = 3,
        Indicator = "warning",
        IssuedAt = issuedAt,
        Suggestions = [new IssuedSuggestion(Guid.NewGuid().ToString(), "Remove the IVIg order")],
    };
}
