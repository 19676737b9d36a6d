package org.motcua.server.feed;

/** Who a feed item is for (§6.8): one device, every device of a unit, or the whole province. */
public record FeedScope(String kind, String id) {

    public static final String DEVICE = "device";
    public static final String UNIT = "unit";
    public static final String PROVINCE = "province";

    public static FeedScope device(String deviceId) {
        return new FeedScope(DEVICE, deviceId);
    }

    public static FeedScope unit(String unitCode) {
        return new FeedScope(UNIT, unitCode);
    }

    public static FeedScope province() {
        return new FeedScope(PROVINCE, "*");
    }
}
