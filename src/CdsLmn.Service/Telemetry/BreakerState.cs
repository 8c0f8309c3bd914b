namespace CdsLmn.Service.Telemetry;

/// <summary>State of a FHIR server's circuit breaker, as reported by <c>cdslmn.fhir.circuit_state</c>.</summary>
internal enum BreakerState
{
    Closed = 0,
    HalfOpen = 1,
    Open = 2,
}
