/*
 * The progress bar of a running sync run reloads its form every few seconds,
 * so the run a "Synchronize now" button opened shows its progress as batches
 * commit (sync/progress.py writes it), without anyone pressing F5. It stops
 * once the run is no longer running, and when the form is left.
 */
openerp.openerp_addon = function (instance) {
    var RELOAD_EVERY_MS = 3000;

    instance.web.form.FieldSatchmoLiveProgress = instance.web.form.FieldProgressBar.extend({
        set_value: function () {
            // the form sets every field at each load of the record (render_value runs
            // only when the value changed: a run opened at 0 %, or still at the same
            // percentage, would never be reloaded)
            var result = this._super.apply(this, arguments);
            this.schedule_reload();
            return result;
        },
        schedule_reload: function () {
            var self = this;
            clearTimeout(this.satchmo_reload);
            if (this.is_running()) {
                this.satchmo_reload = setTimeout(function () {
                    if (self.is_running() && self.view.get('actual_mode') === 'view') {
                        self.view.reload();
                    }
                }, RELOAD_EVERY_MS);
            }
        },
        is_running: function () {
            return !this.isDestroyed() && this.view && this.view.datarecord &&
                this.view.datarecord.state === 'running';
        },
        destroy: function () {
            clearTimeout(this.satchmo_reload);
            this._super.apply(this, arguments);
        }
    });
    instance.web.form.widgets.add('satchmo_live_progress',
                                  'instance.web.form.FieldSatchmoLiveProgress');
};
