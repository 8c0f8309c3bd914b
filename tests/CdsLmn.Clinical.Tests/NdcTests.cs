namespace CdsLmn.Clinical.Tests;

public class NdcTests
{
    [Theory]
    [InlineData("44206-439", "44206-439-40", true)]
    [InlineData("44206-439", "44206-0439-40", true)]
    [InlineData("44206-439", "44206043940", true)]
    [InlineData("44206-439", "4420643940", true)]
    [InlineData("44206-439", "44206439", true)]
    [InlineData("44206-439", "442060439", true)]
    [InlineData("44206-439", "44206-454-04", false)]
    [InlineData("44206-439", "4420645404", false)]
    [InlineData("44206-439", "44206-4390-01", false)]
    [InlineData("0069-6550", "0069-6550-02", true)]
    [InlineData("0069-6550", "00069-6550-02", true)]
    [InlineData("0069-6550", "00069655002", true)]
    [InlineData("0069-6550", "0069655002", true)]
    [InlineData("0069-6550", "0069-6551-02", false)]
    [InlineData("61953-0004", "61953-0004-1", true)]
    [InlineData("61953-0004", "6195300041", true)]
    [InlineData("61953-0004", "61953000401", true)]
    [InlineData("61953-0004", "abc", false)]
    [InlineData("61953-0004", "", false)]
    public void MatchesPackageCodesOnTheirProductWithOrWithoutHyphens(string product, string code, bool matches)
    {
        var ndc = Ndc.Parse(product);

        Assert.NotNull(ndc);
        Assert.Equal(matches, ndc.Matches(code));
    }

    [Theory]
    [InlineData("44206-439-40")]
    [InlineData("abc")]
    [InlineData("123")]
    [InlineData("")]
    public void RejectsConfiguredValuesThatAreNotProductCodes(string product) => Assert.Null(Ndc.Parse(product));
}
