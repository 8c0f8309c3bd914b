using CdsLmn.Clinical;

namespace CdsLmn.Service.CdsHooks;

/// <summary>The hook a service answers (docs/cds-hooks-spec.md §2).</summary>
public enum HookKind
{
    OrderSelect,
    OrderSign,
}

public static class HookKindExtensions
{
    /// <summary>The ordering stage the clinical advice is worded for.</summary>
    public static OrderStage Stage(this HookKind hook) => hook == HookKind.OrderSign ? OrderStage.Signing : OrderStage.Selecting;
}
