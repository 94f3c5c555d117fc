//! Azure Cache for Redis: the port without TLS and the public endpoint.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::RedisCache;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_redis_cache", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let path = "non_ssl_port_enabled";
        let non_ssl = match t.field(r, path, path, boolean) {
            // Provider 3 called it `enable_non_ssl_port`.
            Field::NotWritten => t
                .field(r, "enable_non_ssl_port", path, boolean)
                .or_default(false),
            f => f.known(),
        };
        let path = "public_network_access_enabled";
        let public = match t.field(r, path, path, boolean) {
            // A cache injected into a virtual network has no public endpoint.
            Field::NotWritten => match t.field(r, "subnet_id", "subnet_id", string) {
                Field::NotWritten => Some(true),
                _ => Some(false),
            },
            f => f.known(),
        };
        let mut c = RedisCache {
            name,
            non_ssl_port_enabled: non_ssl,
            public_network_access_enabled: public,
            ..RedisCache::default()
        };
        c.meta = t.finish(src.locations());
        src.model().azure.redis.caches.push(c);
    }
}
