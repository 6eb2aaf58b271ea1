#pragma once

#include <QCheckBox>

namespace ferry {

/// The server tab's "Visible on the network as NAME" switch, on by default. Off, the share
/// announces nothing but can still be reached by address.
class NearbySwitch : public QCheckBox
{
    Q_OBJECT
public:
    explicit NearbySwitch(QWidget *parent = nullptr);
    /// The server started (port) or stopped (0).
    void setShare(quint16 port, bool passwordRequired);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
};

} // namespace ferry
