namespace Connectors.Playground;

/// <summary>A failed step of the story, with a message meant for the person running it.</summary>
internal sealed class PlaygroundException(string message) : Exception(message);
