using System.Diagnostics;
using System.Text.Json;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
public static class M {
  public static async Task Main() {
    var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => { b.UseEnvironment("Development"); b.UseContentRoot("/work/main/src/CdsLmn.Service"); b.UseSetting("Logging:LogLevel:Default","Warning"); b.UseSetting("CdsLmn:Storage:SqlitePath", "/tmp/exp2.db"); });
    var reader = app.Services.GetRequiredService<HookRequestReader>();
    var advisor = app.Services.GetRequiredService<IvigAdvisor>();
    var service = app.Services.GetRequiredService<CdsServiceCatalog>().Find("ivig-lmn-order-select")!;
    var body = CdsLmn.Benchmarks.BenchRequests.OrderSelect(10);
    long tRead=0,tGather=0,tClin=0,tAssess=0,tCard=0; long aRead=0,aGather=0,aClin=0,aAssess=0,aCard=0;
    for (int i=0;i<3000;i++){
      var ctx = new DefaultHttpContext(); ctx.Request.Method="POST"; ctx.Request.ContentType="application/json"; ctx.Request.ContentLength=body.Length; ctx.Request.Body=new MemoryStream(body);
      var a0=GC.GetAllocatedBytesForCurrentThread(); var s=Stopwatch.GetTimestamp();
      var (call,_) = await reader.ReadAsync(ctx.Request, service, default);
      var a1=GC.GetAllocatedBytesForCurrentThread(); var s1=Stopwatch.GetTimestamp();
      var req = new EvidenceRequest{PatientId=call!.PatientId,UserId=call.UserId,Selections=call.Selections,DraftOrders=call.DraftOrders,Prefetch=call.Request.Prefetch,Templates=service.Prefetch};
      var g = EvidenceGatherer.FromRequest(req);
      var a2=GC.GetAllocatedBytesForCurrentThread(); var s2=Stopwatch.GetTimestamp();
      var ce = g.ToClinicalEvidence();
      var a3=GC.GetAllocatedBytesForCurrentThread(); var s3=Stopwatch.GetTimestamp();
      var asmt = advisor.Assess(ce, HookKind.OrderSelect, DateTimeOffset.UtcNow);
      var a4=GC.GetAllocatedBytesForCurrentThread(); var s4=Stopwatch.GetTimestamp();
      var cards = asmt.Advice.Select(AdviceToCard.ToCard).ToList(); var json = JsonSerializer.SerializeToUtf8Bytes(new CdsLmn.Service.CdsHooks.Models.CdsResponse{Cards=cards}, CdsJson.Options);
      var a5=GC.GetAllocatedBytesForCurrentThread(); var s5=Stopwatch.GetTimestamp();
      if (i>=1000){ tRead+=s1-s;tGather+=s2-s1;tClin+=s3-s2;tAssess+=s4-s3;tCard+=s5-s4; aRead+=a1-a0;aGather+=a2-a1;aClin+=a3-a2;aAssess+=a4-a3;aCard+=a5-a4;}
    }
    double us(long t)=> t*1e6/Stopwatch.Frequency/2000;
    Console.WriteLine($"read {us(tRead):F0}us {aRead/2000}B | gather {us(tGather):F0}us {aGather/2000}B | clin {us(tClin):F0}us {aClin/2000}B | assess {us(tAssess):F0}us {aAssess/2000}B | card {us(tCard):F0}us {aCard/2000}B");
  }
}
