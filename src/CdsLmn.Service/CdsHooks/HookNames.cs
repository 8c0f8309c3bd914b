namespace CdsLmn.Service.CdsHooks;

/// <summary>The hooks this service answers (hook library STU1).</summary>
internal static class HookNames
{
    public const string OrderSelect = "order-select";
    public const string OrderSign = "order-sign";
}
