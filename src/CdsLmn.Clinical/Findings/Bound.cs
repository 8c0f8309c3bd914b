namespace CdsLmn.Clinical.Findings;

/// <summary>How a titre or number was bounded by the lab: exact, "&lt; x" or "&gt; x".</summary>
internal enum Bound
{
    Exact,
    Below,
    Above,
}
