namespace CdsLmn.Service.Stewardship;

/// <summary>
/// How the report labels a card: shown to the clinician (<see cref="Active"/>) or only recorded while the service ran
/// in shadow mode (<see cref="Shadow"/>, the <c>shadow</c> column of the ledger).
/// </summary>
internal static class CardMode
{
    public const string Active = "Active";

    public const string Shadow = "Shadow";

    public static string Of(bool shadow) => shadow ? Shadow : Active;
}
