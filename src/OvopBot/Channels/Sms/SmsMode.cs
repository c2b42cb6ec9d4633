namespace OvopBot.Channels.Sms;

/// <summary>Where the SMSGate API runs: on the phone itself, on the public relay, or on the office's own relay.</summary>
public enum SmsMode
{
    /// <summary>The app's local server on the phone (<c>http://PHONE-IP:8080</c>), reachable on the office LAN.</summary>
    Local,
    /// <summary>The public relay <c>https://api.sms-gate.app/3rdparty/v1</c>.</summary>
    Cloud,
    /// <summary>A self-hosted relay (<c>https://HOST/api/3rdparty/v1</c>).</summary>
    Private,
}
