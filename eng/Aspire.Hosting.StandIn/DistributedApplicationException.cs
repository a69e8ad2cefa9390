namespace Aspire.Hosting;

public class DistributedApplicationException : Exception
{
    public DistributedApplicationException()
    {
    }

    public DistributedApplicationException(string message) : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception inner) : base(message, inner)
    {
    }
}

public class MissingParameterValueException : DistributedApplicationException
{
    public MissingParameterValueException()
    {
    }

    public MissingParameterValueException(string message) : base(message)
    {
    }

    public MissingParameterValueException(string message, Exception inner) : base(message, inner)
    {
    }
}
