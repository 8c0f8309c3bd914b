using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.CdsHooks;

/// <summary><c>CdsLmn:Mode</c>, bound and validated at start-up.</summary>
internal sealed class ServiceModeOptions
{
    public const string Section = "CdsLmn";

    /// <summary><c>CdsLmn:Mode</c>: <c>Active</c> (default) or <c>Shadow</c>.</summary>
    [EnumDataType(typeof(ServiceMode))]
    public ServiceMode Mode { get; set; } = ServiceMode.Active;

    public bool IsShadow => Mode == ServiceMode.Shadow;
}
