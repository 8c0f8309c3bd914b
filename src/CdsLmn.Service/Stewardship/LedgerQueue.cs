using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship;

/// <summary>The bounded queue between the hook path (<see cref="ICardLedger.RecordIssued"/>) and <see cref="IssuedCardWriter"/>.</summary>
internal sealed class LedgerQueue(IOptions<StorageOptions> options)
{
    private readonly Channel<LedgerWork> _channel = Channel.CreateBounded<LedgerWork>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<LedgerWork> Reader => _channel.Reader;

    /// <summary>False when the queue is full or closed (the host is stopping).</summary>
    public bool TryEnqueue(IssuedCard card) => _channel.Writer.TryWrite(new LedgerWork(card, null));

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new LedgerWork(null, flushed), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return; // stopping: the writer drains what is queued before the host exits
        }
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>No more work: the writer drains the queue and ends.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
