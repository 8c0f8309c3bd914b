using System.Text.Json;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Reads and validates a feedback body: content type → 415, size → 413 (the hook limit), JSON and the §5 rules → 400.
/// Never throws for bad input.
/// </summary>
internal static class FeedbackReader
{
    public static async Task<(IReadOnlyList<FeedbackEntry>? Entries, OperationOutcomeResult? Error)> ReadAsync(
        HttpRequest request, CdsService service, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonRequestBody.ReadAsync(request, maxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        try
        {
            using var document = JsonDocument.Parse(body, JsonRequestBody.DocumentOptions);
            var problem = FeedbackShape.FindProblem(document.RootElement);
            if (problem is not null)
            {
                return (null, OperationOutcomeResult.BadRequest(problem));
            }
            var feedback = document.RootElement.Deserialize(CdsJsonContext.Default.FeedbackRequest)!;
            return ([.. feedback.Feedback.Select(f => ToEntry(f, service))], null);
        }
        catch (JsonException e)
        {
            return (null, OperationOutcomeResult.BadRequest($"The body is not valid CDS Hooks feedback: {JsonRequestBody.DescribeJsonError(e)}"));
        }
    }

    /// <summary>The wire feedback as the ledger keeps it: the store knows no CDS Hooks types.</summary>
    private static FeedbackEntry ToEntry(Feedback feedback, CdsService service)
    {
        FeedbackShape.TryParseRfc3339(feedback.OutcomeTimestamp, out var outcomeAt);
        return new FeedbackEntry
        {
            ServiceId = service.Id,
            CardUuid = feedback.Card,
            Response = feedback.Outcome == FeedbackOutcome.Accepted ? ClinicianResponse.Accepted : ClinicianResponse.Overridden,
            AcceptedSuggestionIds = [.. feedback.AcceptedSuggestions?.Select(s => s.Id) ?? []],
            OverrideReason = feedback.OverrideReason?.Reason is { } reason ? new OverrideReasonCode(reason.System, reason.Code, reason.Display) : null,
            UserComment = feedback.OverrideReason?.UserComment,
            OutcomeAt = outcomeAt,
        };
    }
}
