using OvopBot.Storage;

namespace OvopBot.Conversations;

/// <summary>
/// A test seam: called at the start of every conversation step, inside its transaction; throwing makes the step fail
/// as a bug would. Nothing registers one in the service.
/// </summary>
public interface IStepFault
{
    void Before(StoredInbound message);
}
