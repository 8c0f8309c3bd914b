using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Stewardship;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// <c>POST /cds-services/{id}/feedback</c> (docs/cds-hooks-spec.md §5): validates every entry, stores them durably, and
/// only then answers 200 <c>{"received":N,"stored":M}</c> (M counts entries not seen before: repeats are stored once).
/// Feedback about a card uuid this server never issued is kept and marked unknown; feedback about a card another of
/// its services issued is not stored and is counted as <c>foreign</c> in the receipt. While the shared database cannot
/// be reached the answer is 503 and nothing is stored (the EHR retries) rather than an acknowledgement of a lost entry.
/// </summary>
internal static class FeedbackEndpoint
{
    public static async Task<Results<JsonHttpResult<FeedbackReceipt>, OperationOutcomeResult>> PostFeedbackAsync(
        string id, HttpRequest request, CdsServiceCatalog catalog, IOptions<CdsHooksOptions> options, ICardLedger ledger, CancellationToken cancellationToken)
    {
        var service = catalog.Find(id);
        if (service is null)
        {
            return OperationOutcomeResult.NotFound($"No CDS service '{id}'; GET /cds-services lists the services.");
        }

        var (entries, error) = await FeedbackReader.ReadAsync(request, service, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        FeedbackResult result;
        try
        {
            result = await ledger.RecordFeedbackAsync(entries!, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return OperationOutcomeResult.StoreUnavailable();
        }
        return TypedResults.Json(new FeedbackReceipt { Received = result.Received, Stored = result.Stored, Foreign = result.ForeignCards }, CdsJsonContext.Default.FeedbackReceipt);
    }
}
