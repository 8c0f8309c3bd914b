namespace CdsLmn.Service.Tests.Support;

/// <summary>A named <see cref="AppSettings"/>, so an xunit class fixture (parameterless) knows which app to start.</summary>
public interface IAppProfile
{
    static abstract AppSettings Settings { get; }
}

/// <summary>One <see cref="CdsLmnApp"/> per test class: <c>IClassFixture&lt;AppFixture&lt;TProfile&gt;&gt;</c>.</summary>
public sealed class AppFixture<TProfile> : IAsyncLifetime
    where TProfile : IAppProfile
{
    public CdsLmnApp App { get; } = new(TProfile.Settings);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The profiles several test classes share; a profile used by one class lives next to it.</summary>
public static class Profiles
{
    /// <summary>The service in Development on an audit store of its own.</summary>
    public sealed class Development : IAppProfile
    {
        public static AppSettings Settings => AppSettings.Development;
    }

    /// <inheritdoc cref="AppSettings.ProductionExample"/>
    public sealed class ProductionExample : IAppProfile
    {
        public static AppSettings Settings => AppSettings.ProductionExample;
    }

    /// <summary>
    /// A service whose circuit breaker never opens and whose FHIR budget is generous, so each test sees the FHIR server's
    /// own answer: a busy test machine never turns a first, cold call into a time-out.
    /// </summary>
    public sealed class NoBreaker : IAppProfile
    {
        public static AppSettings Settings { get; } = AppSettings.Development.With(
            ("CdsLmn:Fhir:BreakerMinimumThroughput", "1000"),
            ("CdsLmn:Fhir:TimeoutSeconds", "20"),
            ("CdsLmn:Fhir:AttemptTimeoutSeconds", "10"));
    }

    /// <summary>Client authentication required (<see cref="AppAuth.WireMockEhr"/>), every log line captured.</summary>
    public sealed class Auth : IAppProfile
    {
        public static AppSettings Settings { get; } = new() { Auth = AppAuth.WireMockEhr, Logs = AppLogs.Everything };
    }

    /// <summary><see cref="Auth"/> with an auth clock that starts now and moves only when the test says so.</summary>
    public sealed class AuthOnManualClock : IAppProfile
    {
        public static AppSettings Settings { get; } = Auth.Settings with { ManualAuthClock = true };
    }
}
