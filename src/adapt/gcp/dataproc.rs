//! Dataproc clusters: whether their VMs get external IP addresses.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::gcp::DataprocCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("google_dataproc_cluster", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let path = "internal_ip_only";
        let (mut written, mut image_version) = (Field::NotWritten, Field::NotWritten);
        match t.block(r, "cluster_config", path) {
            Field::Known(c) => {
                match t.block(&c, "gce_cluster_config", path) {
                    Field::Known(g) => written = t.field(&g, "internal_ip_only", path, boolean),
                    Field::Unknown => written = Field::Unknown,
                    Field::NotWritten => {}
                }
                match t.block(&c, "software_config", "image_version") {
                    Field::Known(s) => {
                        image_version = t.field(&s, "image_version", "image_version", string)
                    }
                    Field::Unknown => image_version = Field::Unknown,
                    Field::NotWritten => {}
                }
            }
            Field::Unknown => written = Field::Unknown,
            Field::NotWritten => {}
        }
        let internal_ip_only = match (&written, &image_version) {
            (Field::Known(v), _) => Some(*v),
            (Field::Unknown, _) => None,
            // Left out: the image decides (2.2 and later: internal only; the default image is newer).
            (Field::NotWritten, Field::NotWritten) => Some(true),
            (Field::NotWritten, Field::Known(v)) => match internal_by_default(v) {
                Some(d) => {
                    let span = t.span_of("image_version");
                    t.at(path, span.clone());
                    if !d {
                        t.because(
                            path,
                            span,
                            format!(
                                "`internal_ip_only` is not set, and image `{v}` gives external addresses by default"
                            ),
                        );
                    }
                    Some(d)
                }
                None => {
                    t.mark_unknown(path);
                    None
                }
            },
            (Field::NotWritten, Field::Unknown) => {
                t.mark_unknown(path);
                None
            }
        };
        let mut c = DataprocCluster {
            name,
            internal_ip_only,
            image_version: image_version.known(),
            ..DataprocCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().gcp.dataproc.clusters.push(c);
    }
}

/// Whether image version `v` (`2.1-debian11`, `2.2.5-ubuntu22`, `1.5`) gives VMs internal addresses
/// only when `internal_ip_only` is left out: from 2.2 on. `None` when it cannot be read.
fn internal_by_default(v: &str) -> Option<bool> {
    let mut parts = v.trim().split(['.', '-']);
    let major: u32 = parts.next()?.parse().ok()?;
    let minor: u32 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    Some((major, minor) >= (2, 2))
}

#[cfg(test)]
mod tests {
    use super::internal_by_default;
    use crate::terraform::adapt::model_of_text;

    #[test]
    fn image_versions_decide_the_default() {
        assert_eq!(internal_by_default("2.1-debian11"), Some(false));
        assert_eq!(internal_by_default("2.2.5-ubuntu22"), Some(true));
        assert_eq!(internal_by_default("1.5"), Some(false));
        assert_eq!(internal_by_default("3.0"), Some(true));
        assert_eq!(internal_by_default("preview"), None);
    }

    #[test]
    fn written_setting_wins_and_old_images_default_to_external() {
        let m = model_of_text(
            r#"
resource "google_dataproc_cluster" "a" {
  cluster_config {
    software_config {
      image_version = "2.0-debian10"
    }
  }
}
resource "google_dataproc_cluster" "b" {
  cluster_config {
    gce_cluster_config {
      internal_ip_only = false
    }
  }
}
resource "google_dataproc_cluster" "c" {}
"#,
        );
        let c = &m.gcp.dataproc.clusters;
        let got: Vec<_> = c.iter().map(|c| c.internal_ip_only).collect();
        assert_eq!(got, vec![Some(false), Some(false), Some(true)]);
    }
}
