using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Hosting;
using CdsLmn.Service.Stewardship.Setup;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.Hosting;

/// <summary>The clock and the meter are registered once, by Hosting/SharedServicesRegistration, whichever host is built.</summary>
public sealed class SharedServicesTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public void TheServiceRegistersTheClockAndTheMeterOnceAndEveryClockIsThatOne()
    {
        var services = _app.Services;

        Assert.Single(services.GetServices<TimeProvider>());
        Assert.Single(services.GetServices<CdsLmnMetrics>());
        var clock = services.GetRequiredService<TimeProvider>();
        Assert.Same(clock, services.GetRequiredKeyedService<TimeProvider>(ClientAuthentication.ClockKey));
        Assert.Same(clock, services.GetRequiredKeyedService<TimeProvider>(FhirServerBreakers.ClockKey));
    }

    [Fact]
    public void TheCommandHostRegistersThemOnceWhateverTheCommandsAdd()
    {
        // What the report and check-fhir commands add to the command host (Stewardship/Setup, Onboarding).
        var builder = CommandHostBuilder.Create(settings: null);
        builder.AddStewardship();
        builder.AddClinicalRules();
        builder.AddEvidence();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(CdsLmnMetrics) && !d.IsKeyedService);
    }
}
