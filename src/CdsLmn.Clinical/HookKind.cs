namespace CdsLmn.Clinical;

/// <summary>The CDS hook that asked: order-select looks at the selected orders, order-sign at all drafts.</summary>
public enum HookKind
{
    OrderSelect,
    OrderSign,
}
