namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// A FHIR answer the fake EHR holds back until the test releases it (<see cref="FakeEhr.ServeWithheld"/>): the test
/// learns when it was asked for, and whether the caller had to wait for it. Orderings are proven with these signals,
/// never with the clock; the 30 s deadline only keeps a broken service from hanging the run.
/// </summary>
public sealed class WithheldAnswer
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _timedOut;

    /// <summary>Completes when the first request for the answer arrives.</summary>
    public Task Requested => _requested.Task;

    /// <summary>A request waited out the deadline instead of being released by the test.</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

    public void Release() => _released.TrySetResult();

    /// <summary>Runs in WireMock's (asynchronous) response callback for each request: signals it, then holds it until released.</summary>
    internal async Task HoldAsync()
    {
        _requested.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
            Interlocked.Exchange(ref _timedOut, 1);
        }
    }
}
