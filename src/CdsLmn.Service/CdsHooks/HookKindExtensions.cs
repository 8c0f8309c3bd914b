using CdsLmn.Clinical;

namespace CdsLmn.Service.CdsHooks;

internal static class HookKindExtensions
{
    /// <summary>The ordering stage the clinical advice is worded for.</summary>
    public static OrderStage Stage(this HookKind hook) => hook == HookKind.OrderSign ? OrderStage.Signing : OrderStage.Selecting;
}
