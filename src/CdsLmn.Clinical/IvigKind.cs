namespace CdsLmn.Clinical;

/// <summary>Whether a medication order or administration is intravenous immune globulin.</summary>
public enum IvigKind
{
    /// <summary>IV normal human immune globulin: the advisor evaluates it.</summary>
    Ivig,

    /// <summary>Another medication, an SC/IM product or route, or a hyperimmune globulin.</summary>
    NotIvig,

    /// <summary>The medication could not be read (an unresolvable reference while Medication evidence is unavailable).</summary>
    Unknown,
}
