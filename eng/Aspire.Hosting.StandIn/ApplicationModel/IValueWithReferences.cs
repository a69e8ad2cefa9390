namespace Aspire.Hosting.ApplicationModel;

public interface IValueWithReferences
{
    IEnumerable<object> References { get; }
}
