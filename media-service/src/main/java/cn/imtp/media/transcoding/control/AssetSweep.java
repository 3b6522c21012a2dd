package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.platform.schedule.Sweep;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asset housekeeping, every {@code lms.media.asset-sweep-seconds} on every node (each step is conditional, so two
 * nodes never undo each other):
 * <ul>
 * <li>an asset whose transcoding job has FAILED but which is still PROCESSING (its state could not be saved when the
 *     job ended) becomes FAILED, so that no video stays "转码中" forever;</li>
 * <li>the files of the assets lms-web released (a version deleted or its upload cancelled by a teacher, a practical
 *     recording replaced by a newer one) are removed from storage, so that deleted files and a learner who records again
 *     and again do not fill it: its transcoding job is cancelled (and the files wait until its worker has stopped), an
 *     unfinished upload is aborted, the asset's objects are removed (only its source and captions when another asset plays its renditions), and the
 *     asset is marked DELETED. Their grants are already refused ({@code Grants}).</li>
 * </ul>
 */
@ApplicationScoped
public class AssetSweep {

    private static final Logger LOG = Logger.getLogger(AssetSweep.class.getName());

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    @Inject
    JobQueue queue;

    @Inject
    @ConfigProperty(name = "lms.media.asset-sweep-seconds")
    int everySeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        task = Sweep.every(scheduler, everySeconds, LOG, "The asset sweep", this::sweep);
    }

    void sweep() {
        try {
            int stranded = assets.failStranded();
            if (stranded > 0) {
                LOG.warning(() ->
                        stranded + " asset(s) whose transcoding had failed were still marked PROCESSING; now FAILED");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping stranded assets failed; the next sweep tries again", e);
        }
        try {
            int n = 0;
            for (Asset a : assets.releasedWithFiles()) {
                if (!queue.cancel(a.id())) {
                    continue; // a worker may still be writing its segments; the next sweep removes them
                }
                if (a.state() == AssetState.UPLOADING && a.uploadId() != null) {
                    try {
                        store.abortMultipart(a.sourceKey(), a.uploadId());
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "The released upload of " + a.id() + " was already gone", e);
                    }
                }
                String prefix = "assets/" + a.id() + "/";
                if (assets.renditionsReused(a.id())) {
                    store.remove(a.sourceKey());
                    store.removeAll(prefix + "captions/");
                } else {
                    store.removeAll(prefix);
                }
                if (assets.transition(
                        a.id(),
                        a.state(),
                        AssetState.DELETED,
                        "已删除（或被新文件替换），存储中的文件已移除。"
                                + " Deleted (or replaced by a newer file); its files were removed from storage.")) {
                    n++;
                }
            }
            if (n > 0) {
                int removed = n;
                LOG.info(() -> "Removed the files of " + removed + " released asset(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping released assets failed; the next sweep tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
