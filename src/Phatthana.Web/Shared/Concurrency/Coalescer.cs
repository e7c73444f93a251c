using System.Diagnostics.Metrics;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Concurrency;

/// <summary>
/// Answers the same kind of work for many requests at once (group commit; decision 010). Items queue per key; while no
/// batch of that key is running, the first item starts one at once, so a lone request waits for nobody, and whatever
/// arrives while a batch runs forms the next one. Every batch therefore starts after each of its items arrived: what it
/// reads from the database is at least as fresh as a read of the item's own would have been. Batches of one key never
/// overlap; batches of different keys run side by side. Nothing is kept between batches.
/// </summary>
/// <remarks>
/// <paramref name="run"/> answers a batch's items in their order; if it throws, every item of that batch gets the exception.
/// It runs outside the requests' execution context (no HTTP context flows into it), so whatever it needs of a caller must
/// be in the item.
/// </remarks>
public sealed class Coalescer<TKey, TItem, TResult>(string work, int maxBatch, Func<TKey, IReadOnlyList<TItem>, Task<TResult[]>> run, IMeterFactory meters)
    where TKey : notnull
{
    private sealed record Entry(TItem Item, ServerTiming.Tally? Timing)
    {
        // Answers resume each request on the thread pool, not one after another on the batch's thread.
        public readonly TaskCompletionSource<TResult> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Per key with a batch running: the items waiting for the next one.</summary>
    private readonly Dictionary<TKey, List<Entry>> _waiting = [];

    private readonly Histogram<int> _sizes = meters.Create(MeterName).CreateHistogram<int>(BatchSizeInstrument, "{item}", "Items answered together by one batch");
    private readonly KeyValuePair<string, object?> _tag = new("work", work);

    public const string MeterName = "Phatthana.Coalescing";
    public const string BatchSizeInstrument = "phatthana.coalesced.batch_size";

    public Task<TResult> RunAsync(TKey key, TItem item)
    {
        var entry = new Entry(item, ServerTiming.Capture());
        bool start;
        lock (_waiting)
        {
            start = !_waiting.TryGetValue(key, out var queue);
            if (start) _waiting[key] = queue = [];
            queue!.Add(entry);
        }
        if (start)
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => DrainAsync(key));
        return entry.Done.Task;
    }

    private async Task DrainAsync(TKey key)
    {
        while (true)
        {
            List<Entry> batch;
            lock (_waiting)
            {
                var queue = _waiting[key];
                if (queue.Count == 0)
                {
                    _waiting.Remove(key);
                    return;
                }
                batch = queue.Count <= maxBatch ? queue : queue[..maxBatch];
                _waiting[key] = queue.Count <= maxBatch ? [] : queue[maxBatch..];
            }
            await RunBatchAsync(key, batch);
        }
    }

    private async Task RunBatchAsync(TKey key, List<Entry> batch)
    {
        _sizes.Record(batch.Count, _tag);
        try
        {
            TResult[] results;
            using (ServerTiming.Sharing(work, batch.Select(e => e.Timing)))
                results = await run(key, batch.ConvertAll(e => e.Item));
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        }
        catch (Exception ex)
        {
            // The batch's failure is each of its requests' failure, answered as it would have been had it run alone.
            foreach (var e in batch) e.Done.TrySetException(ex);
        }
    }
}
